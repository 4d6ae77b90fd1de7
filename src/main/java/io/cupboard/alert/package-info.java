/**
 * Alerts to agents (a new lead, a callback due soon, an overdue task) and escalations to team
 * leads (a missed first-contact SLA, a task long overdue, a callback waiting in the team pool).
 * A scheduled sweep raises them, and every page shows them live in the navigation bar.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alert")
package io.cupboard.alert;
