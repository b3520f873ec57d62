package uk.gov.safeguarding.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

// API clients authenticate with keys (security package); there are no Spring-generated users
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class HubApplication {

    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}
