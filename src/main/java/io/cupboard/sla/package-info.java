/**
 * The SLA sweep: set-based, idempotent jobs that mark first-contact SLA breaches, apply the end
 * of attempts that no outcome applied, and hand callbacks of absent or late agents to their team.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package io.cupboard.sla;
