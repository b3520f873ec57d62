package uk.gov.safeguarding.hub.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/** Which database the hub runs on, for the few places whose best way differs between the embedded H2 and a server. */
@Component
public class DatabaseProduct {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProduct.class);
    private final String name;

    public DatabaseProduct(DataSource database) {
        this.name = productName(database);
    }

    private static String productName(DataSource database) {
        try {
            return JdbcUtils.extractDatabaseMetaData(database, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException unknown) {
            log.warn("Could not tell which database this is ({}); the hub uses the ways of a database server", unknown.toString());
            return "";
        }
    }

    /** The database's own name for itself ("H2", "PostgreSQL"); empty when it could not be told. */
    public String name() {
        return name;
    }

    public boolean isEmbeddedH2() {
        return "H2".equalsIgnoreCase(name);
    }
}
