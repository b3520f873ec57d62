package uk.gov.safeguarding.hub;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;
import uk.gov.safeguarding.hub.support.HubDataDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route defined in routes/ is loaded from the classpath and started. */
@CamelSpringBootTest
@SpringBootTest
// closed after the class, so that each context stops while its database and broker are still up
@DirtiesContext
class RoutesStartTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("routes").toString());
    }

    @Autowired
    CamelContext camel;

    @Test
    void everyRouteInTheRoutesFolderIsStarted() throws IOException {
        List<String> routeIds = routeIdsIn(Path.of("routes"));
        assertThat(routeIds).isNotEmpty();
        for (String routeId : routeIds) {
            assertThat(camel.getRoute(routeId)).as("route %s is loaded", routeId).isNotNull();
            assertThat(camel.getRouteController().getRouteStatus(routeId).isStarted()).as("route %s started", routeId).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> routeIdsIn(Path folder) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Map<String, Object> entry : (List<Map<String, Object>>) new Yaml().load(reader)) {
                        if (entry.get("route") instanceof Map<?, ?> route) {
                            ids.add((String) route.get("id"));
                        }
                    }
                }
            }
        }
        return ids;
    }
}
