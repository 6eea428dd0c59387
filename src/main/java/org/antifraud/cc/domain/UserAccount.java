package org.antifraud.cc.domain;

import java.util.List;

/** A person of a shared database: the login, its role, whether it may log in, its regions (empty: all). */
public record UserAccount(String name, Role role, boolean enabled, List<String> regions) {
    public UserAccount {
        regions = List.copyOf(regions);
    }
}
