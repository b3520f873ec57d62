package uk.gov.safeguarding.hub.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitSettingsTest {

    @Test
    void unsetWritersAreChosenForTheDatabase() {
        GroupCommitSettings unset = new GroupCommitSettings(null, 64);
        assertThat(unset.writersFor("H2")).as("embedded H2").isEqualTo(1);
        assertThat(unset.writersFor("PostgreSQL")).isEqualTo(3);
        assertThat(unset.writersFor("")).as("a database that could not be told").isEqualTo(3);
    }

    @Test
    void writersSetAreKeptWhateverTheDatabase() {
        assertThat(new GroupCommitSettings(2, 64).writersFor("H2")).isEqualTo(2);
        assertThat(new GroupCommitSettings(5, 64).writersFor("PostgreSQL")).isEqualTo(5);
    }

    @Test
    void fewerThanOneIsRefused() {
        assertThatThrownBy(() -> new GroupCommitSettings(0, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupCommitSettings(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
