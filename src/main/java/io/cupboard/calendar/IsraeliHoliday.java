package io.cupboard.calendar;

/**
 * The Israeli holidays on which the center is closed, as observed in Israel: one day of each
 * festival except Rosh Hashanah, which has two.
 */
public enum IsraeliHoliday {
    /** 1–2 Tishrei. */
    ROSH_HASHANAH,
    /** 10 Tishrei. */
    YOM_KIPPUR,
    /** 15 Tishrei, the first day of Sukkot. */
    SUKKOT,
    /** 22 Tishrei, Shemini Atzeret and Simchat Torah, the last day of Sukkot. */
    SIMCHAT_TORAH,
    /** 15 Nisan, the first day of Pesach. */
    PESACH,
    /** 21 Nisan, the seventh and last day of Pesach. */
    PESACH_SEVENTH_DAY,
    /** 6 Sivan. */
    SHAVUOT,
    /** Yom HaAtzmaut: 5 Iyar, moved to Thursday when that is a Friday or Saturday and to Tuesday when a Monday. */
    INDEPENDENCE_DAY;

    /** Returns the message key of the holiday's name. */
    public String messageKey() {
        return "calendar.holiday." + name();
    }
}
