/**
 * Users, teams and roles; their administration, login, logout, login throttling and the web
 * security rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.cupboard.identity;
