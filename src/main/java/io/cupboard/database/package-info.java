/**
 * The PostgreSQL server behind the application: an embedded server started from a Maven artifact
 * when no {@code spring.datasource.url} is given, otherwise nothing (Spring Boot's own data source).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package io.cupboard.database;
