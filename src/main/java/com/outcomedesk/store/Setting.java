package com.outcomedesk.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named store-wide setting, such as this site's id. */
@Entity
@Table(name = "settings")
public class Setting {
    @Id
    private String name;
    @jakarta.persistence.Column(name = "setting_value")
    private String value;

    protected Setting() {
    }

    public Setting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() { return name; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
