/**
 * Dashboards: live CUP hygiene per agent for team leads, and the center view for managers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package io.cupboard.dashboard;
