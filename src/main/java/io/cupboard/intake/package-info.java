/**
 * Lead intake: intake sources and their API keys, file import (CSV and XLSX) with column mapping,
 * preview, background runs and every row's fate, the REST intake API, and uploads of the national
 * do-not-call registry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package io.cupboard.intake;
