/**
 * What an operator watches beside the framework's metrics: ratings taken and refused
 * (counted by the rating intake), open and overdue cases, the finder's index and its
 * drift from the database, and when each scheduled job last ran, on
 * {@code /actuator/prometheus} for the Grafana dashboard and the alert rules in
 * {@code deploy/monitoring/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring", allowedDependencies = { "finder" })
package org.yizhan.monitoring;
