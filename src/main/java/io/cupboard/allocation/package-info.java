/**
 * Lead allocation: the admin's ordered rules, agents' caps and absence, team pools, the second
 * wave and reassignment by team leads and managers. Intake calls {@link io.cupboard.allocation.LeadAllocator};
 * other modules may listen to {@link io.cupboard.allocation.LeadAllocated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Allocation")
package io.cupboard.allocation;
