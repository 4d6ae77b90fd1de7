# Production image: build with the Maven Wrapper, run on a JRE. The embedded PostgreSQL is not used
# here: docker-compose.yml sets SPRING_DATASOURCE_URL to its PostgreSQL service.
FROM eclipse-temurin:17.0.15_6-jdk-jammy AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests && cp target/cupboard-*.jar /build/cupboard.jar

FROM eclipse-temurin:17.0.15_6-jre-jammy
RUN useradd --system --uid 10001 --home /app cupboard
WORKDIR /app
COPY --from=build /build/cupboard.jar /app/cupboard.jar
USER cupboard
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/cupboard.jar"]
