package org.antifraud.cc.service.dataset;

import org.antifraud.cc.domain.InstructionSla;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.figures.InstructionFigures;

/**
 * The time limits to reach the person of a warning instruction, by risk level (issue 17): kept in the database, so
 * that every workstation of it counts breaches alike; a change moves the data version (the figures change).
 */
public final class InstructionSlaService {
    private final Database database;
    private final DatasetService datasets;

    public InstructionSlaService(Database database, DatasetService datasets) {
        this.database = database;
        this.datasets = datasets;
    }

    public InstructionSla current() {
        return InstructionFigures.sla(database.repositories());
    }

    /** Sets one risk level's limit; a {@link Problem} for a risk level or a number of minutes that is not one. */
    public InstructionSla set(String risk, String minutes) {
        RiskLevel level;
        try {
            level = RiskLevel.fromCode(risk);
        } catch (IllegalArgumentException e) {
            throw new Problem("unknown_risk_level", "unknown risk level: " + risk + " (high, medium, low)", risk);
        }
        int m;
        try {
            m = Integer.parseInt(minutes.strip());
        } catch (NumberFormatException e) {
            m = -1;
        }
        if (m < 1 || m > InstructionSla.MAX_MINUTES) {
            throw new Problem("bad_time_limit", "a time limit is a whole number of minutes from 1 to "
                    + InstructionSla.MAX_MINUTES + ": " + minutes, minutes, InstructionSla.MAX_MINUTES);
        }
        int chosen = m;
        return database.transaction(repos -> {
            repos.appState().put(InstructionFigures.slaKey(level), Integer.toString(chosen));
            datasets.touch(repos);
            return InstructionFigures.sla(repos);
        });
    }
}
