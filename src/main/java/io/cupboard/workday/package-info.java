/**
 * The agent's working day: day templates with their segments and shift, day opening with its
 * plan, day closing with a clean CUP, and the nightly carry-forward for days not closed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workday")
package io.cupboard.workday;
