package io.cupboard.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.kosherjava.zmanim.hebrewcalendar.JewishCalendar;
import org.springframework.stereotype.Component;

/**
 * The closed Israeli holidays and their eves, computed from the Hebrew calendar by KosherJava
 * zmanim with Israeli observance and the modern holidays (Yom HaAtzmaut with its moves). Results
 * are computed once per Gregorian year and kept.
 */
@Component
public class IsraeliHolidays {

    private final Map<Integer, Map<LocalDate, HolidayDate>> years = new ConcurrentHashMap<>();

    /** Returns the holiday that closes the center on a date, if any. */
    public Optional<IsraeliHoliday> holidayOn(LocalDate date) {
        HolidayDate found = year(date.getYear()).get(date);
        return found == null || found.eve() ? Optional.empty() : Optional.of(found.holiday());
    }

    /** Returns the holiday that begins on the evening of a date, when the date is its eve. */
    public Optional<IsraeliHoliday> eveOn(LocalDate date) {
        HolidayDate found = year(date.getYear()).get(date);
        return found != null && found.eve() ? Optional.of(found.holiday()) : Optional.empty();
    }

    /** Returns the closed holidays and their eves in a Gregorian year, by date. */
    public List<HolidayDate> inYear(int year) {
        return List.copyOf(year(year).values());
    }

    /** Returns the closed holidays and their eves from {@code fromYear} to {@code toYear}, both included. */
    public List<HolidayDate> inYears(int fromYear, int toYear) {
        List<HolidayDate> dates = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            dates.addAll(inYear(year));
        }
        return dates;
    }

    private Map<LocalDate, HolidayDate> year(int year) {
        return years.computeIfAbsent(year, IsraeliHolidays::compute);
    }

    private static Map<LocalDate, HolidayDate> compute(int year) {
        TreeMap<LocalDate, HolidayDate> dates = new TreeMap<>();
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            Optional<IsraeliHoliday> closed = closedHoliday(date);
            if (closed.isPresent()) {
                dates.put(date, new HolidayDate(date, closed.get(), false));
                continue;
            }
            Optional<IsraeliHoliday> next = isEve(date) ? closedHoliday(date.plusDays(1)) : Optional.empty();
            if (next.isPresent()) {
                dates.put(date, new HolidayDate(date, next.get(), true));
            }
        }
        return Collections.unmodifiableMap(dates);
    }

    private static Optional<IsraeliHoliday> closedHoliday(LocalDate date) {
        JewishCalendar hebrew = hebrewDate(date);
        int index = hebrew.getYomTovIndex();
        if (index == JewishCalendar.YOM_HAATZMAUT) {
            return Optional.of(IsraeliHoliday.INDEPENDENCE_DAY);
        }
        if (!hebrew.isYomTovAssurBemelacha()) {
            return Optional.empty();
        }
        return Optional.of(switch (index) {
            case JewishCalendar.ROSH_HASHANA -> IsraeliHoliday.ROSH_HASHANAH;
            case JewishCalendar.YOM_KIPPUR -> IsraeliHoliday.YOM_KIPPUR;
            case JewishCalendar.SUCCOS -> IsraeliHoliday.SUKKOT;
            case JewishCalendar.SHEMINI_ATZERES, JewishCalendar.SIMCHAS_TORAH -> IsraeliHoliday.SIMCHAT_TORAH;
            case JewishCalendar.PESACH -> hebrew.getJewishDayOfMonth() == 15 ? IsraeliHoliday.PESACH : IsraeliHoliday.PESACH_SEVENTH_DAY;
            case JewishCalendar.SHAVUOS -> IsraeliHoliday.SHAVUOT;
            default -> throw new IllegalStateException("Unexpected holiday index " + index + " on " + date);
        });
    }

    /** Erev Rosh Hashanah, Yom Kippur, Sukkot, Pesach and Shavuot, Hoshana Rabba and 20 Nisan. */
    private static boolean isEve(LocalDate date) {
        return hebrewDate(date).isErevYomTov();
    }

    private static JewishCalendar hebrewDate(LocalDate date) {
        JewishCalendar hebrew = new JewishCalendar(date);
        hebrew.setInIsrael(true);
        hebrew.setUseModernHolidays(true);
        return hebrew;
    }

    /**
     * A closed holiday or its eve on a date.
     *
     * @param eve true when the date is the eve (a short day) and {@code holiday} begins that evening
     */
    public record HolidayDate(LocalDate date, IsraeliHoliday holiday, boolean eve) {
    }
}
