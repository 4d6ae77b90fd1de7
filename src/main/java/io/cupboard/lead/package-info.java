/**
 * Leads and their lifecycle: statuses, disqualification reasons, call outcomes, the one open next
 * task per open lead, the activity timeline, the do-not-call list and phone numbers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lead")
package io.cupboard.lead;
