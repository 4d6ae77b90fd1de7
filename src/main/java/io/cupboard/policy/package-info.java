/**
 * Contact policies (SLAs) that the admin configures per lead type and source: the first-contact
 * deadline, the retry schedule, the end of attempts and the follow-up cadence, with a preview of
 * the times a policy produces. Provides the lead module's {@code ContactPolicies}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contact policy")
package io.cupboard.policy;
