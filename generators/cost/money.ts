/** Dollar figures as people read them: `$1,234.50`, whole dollars for deltas (`+$212/mo`). Locale-independent. */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `$1,234.50` */
export function usd(amount: number): string {
  const [whole, fraction] = Math.abs(amount).toFixed(2).split('.') as [string, string];
  return `${amount < 0 ? '-' : ''}$${groupThousands(whole)}.${fraction}`;
}

/** `+$212/mo`, `-$48/mo`, `±$0/mo`: a monthly change rounded to whole dollars. */
export function monthlyDelta(amount: number): string {
  const rounded = Math.round(amount);
  if (rounded === 0) return '±$0/mo';
  return `${rounded > 0 ? '+' : '-'}$${groupThousands(String(Math.abs(rounded)))}/mo`;
}
