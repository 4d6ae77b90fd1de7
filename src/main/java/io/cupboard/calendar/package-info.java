/**
 * The center's business calendar: working hours per weekday, closed days and short days, in the
 * center's time zone. SLA deadlines and due times count business time only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package io.cupboard.calendar;
