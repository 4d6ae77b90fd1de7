/**
 * Lead allocation: the admin's rules, agents' caps, team pools, the second wave and team leads'
 * reassignment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Allocation")
package io.cupboard.allocation;
