package io.cupboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * CupBoard: a CRM for sales call centers built around each agent's daily CUP of leads.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class CupBoardApplication {

    public static void main(String[] args) {
        SpringApplication.run(CupBoardApplication.class, args);
    }
}
