package uk.gov.safeguarding.hub.audit;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells the migrations which role the hub runs as, when it is not the owner who migrates ({@code spring.flyway.user}
 * set and different from {@code spring.datasource.username}): on PostgreSQL that role is granted only what the hub
 * needs, and the audit trail only SELECT and INSERT (db/vendor/postgresql/afterMigrate__grant_the_runtime_role.sql).
 */
@Component
class RuntimeRoleGrants implements FlywayConfigurationCustomizer {

    static final String PLACEHOLDER = "runtimeRole";
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private final String runtimeRole;

    RuntimeRoleGrants(DataSourceProperties dataSource, FlywayProperties flyway) {
        this.runtimeRole = runtimeRole(dataSource.getUsername(), flyway.getUser());
    }

    static String runtimeRole(String runtimeUser, String migrationUser) {
        if (migrationUser == null || migrationUser.isBlank() || runtimeUser == null || runtimeUser.equals(migrationUser)) {
            return "";
        }
        if (!ROLE_NAME.matcher(runtimeUser).matches()) {
            throw new IllegalStateException("spring.datasource.username '" + runtimeUser + "' cannot be granted its "
                    + "privileges: use a role name of letters, digits and underscores");
        }
        return runtimeUser;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
        placeholders.put(PLACEHOLDER, runtimeRole);
        configuration.placeholders(placeholders);
    }
}
