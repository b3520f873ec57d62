package uk.gov.safeguarding.hub.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.gov.safeguarding.hub.support.Postgres;
import uk.gov.safeguarding.hub.support.PreparedStatements;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several rows in one INSERT, on the two databases the hub runs on: H2 in the PostgreSQL mode the hub configures, and PostgreSQL. */
class MultiRowInsertTest {

    private static final MultiRowInsert ENTRIES = MultiRowInsert.into("INSERT INTO entry (name, size, state)", "(?, ?, 'NEW')");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "sa", ""),
                Arguments.of("PostgreSQL", Postgres.newDatabase("multi_row_insert"), Postgres.OWNER, Postgres.OWNER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void insertsEveryRowWithItsOwnValuesNullsIncludedInOneStatement(String database, String url, String user, String password) {
        JdbcClient jdbc = entries(url, user, password);

        ENTRIES.run(jdbc, List.of("a", "b", "c"), name -> Arrays.asList(name, name.equals("b") ? null : name.charAt(0) - 'a' + 1));

        assertThat(jdbc.sql("SELECT name, size, state FROM entry ORDER BY name").query().listOfRows())
                .containsExactly(row("a", 1, "NEW"), row("b", null, "NEW"), row("c", 3, "NEW"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void noRowsIsNoStatement(String database, String url, String user, String password) {
        JdbcClient jdbc = entries(url, user, password);

        ENTRIES.run(jdbc, List.<String>of(), name -> List.of(name, 1));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM entry").query(Integer.class).single()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onConflictDoNothingKeepsTheRowsAlreadyThereAndAddsTheRest(String database, String url, String user, String password) {
        JdbcClient jdbc = entries(url, user, password);
        ENTRIES.run(jdbc, List.of("a"), name -> List.of(name, 1));

        ENTRIES.onConflictDoNothing().run(jdbc, List.of("a", "b"), name -> List.of(name, 2));

        assertThat(jdbc.sql("SELECT name, size, state FROM entry ORDER BY name").query().listOfRows())
                .containsExactly(row("a", 1, "NEW"), row("b", 2, "NEW"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rowsOfAnyNumberAreStoredInInsertsOfAPowerOfTwoRowsLargestFirst(String database, String url, String user,
                                                                        String password) {
        PreparedStatements statements = new PreparedStatements(new DriverManagerDataSource(url, user, password));
        JdbcClient jdbc = entries(statements);
        List<Integer> sizes = IntStream.range(0, 13).boxed().toList();

        ENTRIES.runInFewShapes(jdbc, sizes, size -> List.of("n" + size, size), 8);

        assertThat(statements.startingWith("INSERT INTO entry")).extracting(sql -> sql.split("\\(\\?").length - 1)
                .containsExactly(8, 4, 1);
        assertThat(jdbc.sql("SELECT size FROM entry ORDER BY size").query(Integer.class).list()).isEqualTo(sizes);
    }

    @Test
    void theLargestInsertMustBeAPowerOfTwoRows() {
        assertThatThrownBy(() -> ENTRIES.runInFewShapes(null, List.of("a"), name -> List.of(name, 1), 1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
    }

    private static JdbcClient entries(String url, String user, String password) {
        return entries(new DriverManagerDataSource(url, user, password));
    }

    private static JdbcClient entries(DataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("DROP TABLE IF EXISTS entry").update();
        jdbc.sql("CREATE TABLE entry (name VARCHAR(20) PRIMARY KEY, size INTEGER, state VARCHAR(10) NOT NULL)").update();
        return jdbc;
    }

    private static Map<String, Object> row(String name, Integer size, String state) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("size", size);
        row.put("state", state);
        return row;
    }
}
