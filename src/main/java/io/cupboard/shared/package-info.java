/**
 * What every module shares: the clock and time zone, display formats, the locale, the page layout
 * and error pages. An open module, so any module may depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.cupboard.shared;
