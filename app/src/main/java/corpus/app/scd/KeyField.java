package corpus.app.scd;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One column of the entity key with the value a user typed (or picked from a row) for it. */
public final class KeyField {

  private final String column;
  private final StringProperty value = new SimpleStringProperty(this, "value", "");

  public KeyField(String column) {
    this.column = column;
  }

  public String column() {
    return column;
  }

  public StringProperty valueProperty() {
    return value;
  }
}
