/**
 * The agent's daily CUP: today's work in the computed order, and "next lead" mode.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CUP")
package io.cupboard.cup;
