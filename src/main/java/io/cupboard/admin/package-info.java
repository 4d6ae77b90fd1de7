/**
 * The admin area's home page, which links to each module's settings pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin")
package io.cupboard.admin;
