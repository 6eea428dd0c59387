package org.antifraud.cc.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every row of the four rollup tables as one line of text, amounts without trailing zeros: two states compare. */
public final class RollupRows {
    private RollupRows() {
    }

    public static List<String> of(Connection sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String q : new String[]{
                "SELECT 'D', indicator_code, region_code, fact_day, campaign_code, amount, fact_count, synthetic_count,"
                        + " synthetic_amount FROM rollup_day",
                "SELECT 'T', indicator_code, region_code, period_start, campaign_code, amount, fact_count, synthetic_count,"
                        + " synthetic_amount FROM rollup_ten_days",
                "SELECT 'M', indicator_code, region_code, month_start, campaign_code, amount, fact_count, synthetic_count,"
                        + " synthetic_amount FROM rollup_month",
                "SELECT 'Y', indicator_code, region_code, year_no, campaign_code, amount, fact_count, synthetic_count,"
                        + " synthetic_amount FROM rollup_year"}) {
            try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(q + " ORDER BY 2, 3, 4, 5")) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 9; i++) {
                        Object v = rs.getObject(i);
                        row.append(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v).append('|');
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}
