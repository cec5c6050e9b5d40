/**
 * Series the platform's own exporters provide, by the add-on that runs them (a series counts only
 * when that add-on is installed in the environment). Not exhaustive: the families the platform's
 * alerts, dashboards and autoscaling use, plus the common ones; add a name here when a rule starts
 * using another. Sources: kube-state-metrics docs/metrics, node_exporter collectors, the kubelet's
 * cAdvisor and resource metrics endpoints (all scraped by kube-prometheus-stack).
 */
export const PLATFORM_SERIES: Readonly<Record<string, readonly string[]>> = {
  'kube-prometheus-stack': [
    // kube-state-metrics
    'kube_pod_container_resource_limits',
    'kube_pod_container_resource_requests',
    'kube_pod_container_status_restarts_total',
    'kube_pod_container_status_ready',
    'kube_pod_status_phase',
    'kube_pod_status_ready',
    'kube_deployment_status_replicas_available',
    'kube_deployment_spec_replicas',
    'kube_statefulset_status_replicas_ready',
    'kube_daemonset_status_number_unavailable',
    'kube_horizontalpodautoscaler_status_current_replicas',
    'kube_horizontalpodautoscaler_spec_max_replicas',
    'kube_node_status_condition',
    'kube_persistentvolumeclaim_status_phase',
    // kubelet / cAdvisor
    'container_cpu_usage_seconds_total',
    'container_memory_working_set_bytes',
    'container_cpu_cfs_throttled_periods_total',
    'container_cpu_cfs_periods_total',
    'container_network_receive_bytes_total',
    'container_network_transmit_bytes_total',
    'kubelet_volume_stats_available_bytes',
    'kubelet_volume_stats_capacity_bytes',
    // node-exporter
    'node_cpu_seconds_total',
    'node_memory_MemAvailable_bytes',
    'node_memory_MemTotal_bytes',
    'node_filesystem_avail_bytes',
    'node_filesystem_size_bytes',
    'node_network_receive_bytes_total',
    'node_network_transmit_bytes_total',
    // Prometheus itself
    'up',
    'scrape_duration_seconds',
    'scrape_samples_scraped',
  ],
};
