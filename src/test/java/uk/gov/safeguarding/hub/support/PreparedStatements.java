package uk.gov.safeguarding.hub.support;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real database's data source that records the SQL of every statement prepared through it, in order. */
public final class PreparedStatements extends DelegatingDataSource {

    private final List<String> prepared = new CopyOnWriteArrayList<>();

    public PreparedStatements(DataSource database) {
        super(database);
    }

    /** The statements prepared so far that start with {@code prefix}. */
    public List<String> startingWith(String prefix) {
        return prepared.stream().filter(sql -> sql.startsWith(prefix)).toList();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement")) {
                        prepared.add(arguments[0].toString());
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
