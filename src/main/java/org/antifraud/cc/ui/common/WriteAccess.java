package org.antifraud.cc.ui.common;

import java.util.List;

import org.antifraud.cc.domain.DatabaseSession;
import org.antifraud.cc.domain.Role;

/**
 * What this session may change, for the views to disable what it may not (issue 15): a viewer writes nothing, an
 * operator with regions writes only records of those. The services check the same and the database enforces it; this
 * only spares the user a refusal.
 */
public record WriteAccess(Role role, List<String> regions) {
    /** A workstation's own database: everything. */
    public static final WriteAccess ALL = new WriteAccess(Role.OWNER, List.of());

    public WriteAccess {
        regions = List.copyOf(regions);
    }

    public static WriteAccess of(DatabaseSession session) {
        return new WriteAccess(session.role(), session.regions());
    }

    public boolean mayWrite() {
        return role.mayWrite();
    }

    public boolean mayAdminister() {
        return role.mayAdminister();
    }

    /** "Your role (viewer) cannot change data": the tooltip and the note where writing is disabled. */
    public String readOnlyReason(I18n i18n) {
        return i18n.get("access.read_only", roleName(i18n, role));
    }

    /** {@code choices} without the regions this session may not write (all of them when it has no limit). */
    public List<String> writable(List<String> choices) {
        return regions.isEmpty() ? choices : choices.stream().filter(regions::contains).toList();
    }

    /** The role in the user's language. */
    public static String roleName(I18n i18n, Role role) {
        return i18n.get("role." + role.code());
    }
}
