/**
 * What generators return: files as data, not text. The renderer turns them into bytes and the
 * writer compares those with disk. Generators never touch the file system, clock or environment.
 */


export type FileContent =
  /** A JSON document; the renderer sorts keys and adds a `"//"` header key. */
  | { format: 'json'; value: Record<string, unknown> }
  /** One or more YAML documents (a multi-document stream when more than one). */
  | { format: 'yaml'; documents: unknown[] }
  /** Plain text with `#` comments (CODEOWNERS and the like). */
  | { format: 'text'; text: string }
  /** Markdown (the catalog, its cost pages, the runbooks); the header is an HTML comment, invisible when GitHub renders the page. */
  | { format: 'markdown'; text: string };

export interface GeneratedFile {
  /** Repository-relative POSIX path. */
  path: string;
  /** The environment the file belongs to, or null for repository-wide files such as atlantis.yaml. */
  environment: string | null;
  /** The generator that produced it, e.g. terraform/network. */
  generator: string;
  /** Source files it was generated from, named in its header. */
  sources: string[];
  content: FileContent;
}
