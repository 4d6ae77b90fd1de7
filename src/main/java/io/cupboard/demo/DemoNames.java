package io.cupboard.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Invented but realistic Israeli names, cities, sources and phone numbers for demo leads.
 */
final class DemoNames {

    private static final List<String> FIRST_NAMES = List.of(
            "נועה", "יוסי", "מיכל", "אבי", "שירה", "דניאל", "תמר", "איתי", "מאיה", "עומר",
            "רונית", "משה", "יעל", "אורי", "הילה", "אלון", "ליאת", "גיל", "נטע", "רועי",
            "שרון", "עדי", "דנה", "אסף", "קרן", "ניר", "ענבל", "יונתן", "רחל", "דוד",
            "מוחמד", "אחמד", "פאטמה", "ליאן", "סמיר", "רים", "יוסף", "נור", "חוסיין", "אמל",
            "ולדימיר", "אולגה", "דמיטרי", "נטליה", "סבטלנה", "אלכסנדר", "טטיאנה", "יבגני");

    private static final List<String> LAST_NAMES = List.of(
            "כהן", "לוי", "מזרחי", "פרץ", "ביטון", "דהן", "אברהם", "פרידמן", "אזולאי", "מלכה",
            "חדד", "גבאי", "שפירא", "בן דוד", "אוחיון", "יוסף", "אדרי", "ששון", "רוזנברג", "קליין",
            "חורי", "עבאס", "ג׳אבר", "נסאר", "חביב", "מנסור", "סלימאן", "עודה",
            "איבנוב", "קוגן", "גולדברג", "סמירנוב", "וולקוב", "פטרוב", "בלום");

    private static final List<String> CITIES = List.of(
            "תל אביב-יפו", "ירושלים", "חיפה", "באר שבע", "ראשון לציון", "פתח תקווה", "אשדוד", "נתניה",
            "חולון", "בני ברק", "רמת גן", "אשקלון", "רחובות", "בת ים", "כפר סבא", "הרצליה",
            "חדרה", "מודיעין-מכבים-רעות", "נצרת", "רעננה", "עכו", "אילת", "טבריה", "קריית שמונה");

    static final List<String> SOURCES = List.of("facebook", "google", "website", "referral", "instagram");

    private static final List<String> CAMPAIGNS = List.of(
            "מבצע חורף 2026", "השוואת ביטוחים", "הלוואה לרכב", "חבילת גלישה", "ייעוץ משכנתא", "סיבים אופטיים");

    /** Mobile prefixes whose numbers libphonenumber accepts with a second digit from 2 to 9. */
    private static final List<String> MOBILE_PREFIXES = List.of("50", "52", "53", "54", "55", "58");

    private static final List<String> LANDLINE_PREFIXES = List.of("2", "3", "4", "8", "9");

    private DemoNames() {
    }

    static String fullName(RandomGenerator random) {
        return pick(FIRST_NAMES, random) + " " + pick(LAST_NAMES, random);
    }

    static String city(RandomGenerator random) {
        return pick(CITIES, random);
    }

    static String campaign(RandomGenerator random) {
        return pick(CAMPAIGNS, random);
    }

    /** Returns a number in the form a person would type it; most are mobiles, about one in six a landline. */
    static String phone(RandomGenerator random) {
        if (random.nextInt(6) == 0) {
            return "0" + pick(LANDLINE_PREFIXES, random) + "-" + (2 + random.nextInt(8)) + digits(random, 6);
        }
        return "0" + pick(MOBILE_PREFIXES, random) + "-" + (2 + random.nextInt(8)) + digits(random, 6);
    }

    static <T> T pick(List<T> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String digits(RandomGenerator random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}
