/**
 * Demo data for the {@code demo} profile: teams, users and about 1,500 leads with their tasks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.cupboard.demo;
