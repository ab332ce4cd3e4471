//! Money on screen: currency symbols, grouping and compact axis labels.

/// How a currency is written.
struct Style {
    symbol: &'static str,
    /// Symbol after the number ("45 k€") rather than before ("$85k").
    suffix: bool,
}

fn style(code: &str) -> Style {
    let (symbol, suffix) = match code {
        "USD" => ("$", false),
        "EUR" => ("€", true),
        "GBP" => ("£", false),
        "JPY" | "CNY" => ("¥", false),
        "INR" => ("₹", false),
        "CAD" => ("CA$", false),
        "AUD" => ("A$", false),
        "CHF" => ("CHF ", false),
        "PLN" => ("zł", true),
        "SEK" | "NOK" | "DKK" => ("kr", true),
        _ => ("", false),
    };
    Style { symbol, suffix }
}

fn with_symbol(number: &str, code: &str) -> String {
    let s = style(code);
    if s.symbol.is_empty() {
        format!("{number} {code}")
    } else if s.suffix {
        format!("{number} {}", s.symbol)
    } else {
        format!("{}{number}", s.symbol)
    }
}

/// Groups the integer part with commas: `1234567.0` → `"1,234,567"`; keeps two
/// decimals for small non-integer figures (hourly pay).
#[must_use]
pub fn group_thousands(amount: f64) -> String {
    let negative = amount < 0.0;
    let abs = amount.abs();
    let (int, frac) = if abs < 1000.0 && abs.fract() != 0.0 {
        let s = format!("{abs:.2}");
        let (i, f) = s.split_once('.').unwrap_or((&s, ""));
        (i.to_string(), Some(f.to_string()))
    } else {
        (format!("{:.0}", abs.round()), None)
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    if negative { format!("-{out}") } else { out }
}

/// The exact figure: `$85,000`, `45,000 €`, `¥6,000,000`.
#[must_use]
pub fn format_full(amount: f64, currency: &str) -> String {
    with_symbol(&group_thousands(amount), currency)
}

/// A short axis label at any magnitude: `$85k`, `45k €`, `¥6M`, `$1.5B`,
/// `$195T`, then scientific (`$2.5e15`); `$42.50` for small figures; `?` for
/// a figure that is not a number. Never longer than about eight characters
/// plus the currency, so an axis keeps its room.
#[must_use]
pub fn format_compact(amount: f64, currency: &str) -> String {
    if !amount.is_finite() {
        return with_symbol("?", currency);
    }
    let abs = amount.abs();
    let number = if abs >= 1e15 {
        // Past trillions a suffix no longer reads; the exponent does.
        let s = format!("{amount:.1e}");
        s.replace(".0e", "e")
    } else if let Some((scale, unit)) = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        .into_iter()
        .find(|(scale, _)| abs >= *scale)
    {
        let v = amount / scale;
        // One decimal only where it tells something: 1.5M, but 195k and 12M.
        if v.abs() >= 100.0 || (v * 10.0).round() % 10.0 == 0.0 {
            format!("{v:.0}{unit}")
        } else {
            format!("{v:.1}{unit}")
        }
    } else {
        group_thousands(amount)
    };
    with_symbol(&number, currency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_figures_are_grouped_with_the_right_symbol() {
        assert_eq!(format_full(85_000.0, "USD"), "$85,000");
        assert_eq!(format_full(1_234_567.0, "GBP"), "£1,234,567");
        assert_eq!(format_full(45_000.0, "EUR"), "45,000 €");
        assert_eq!(format_full(6_000_000.0, "JPY"), "¥6,000,000");
        assert_eq!(format_full(950.0, "INR"), "₹950");
        assert_eq!(format_full(42.5, "USD"), "$42.50");
        assert_eq!(format_full(3_000.0, "XYZ"), "3,000 XYZ");
    }

    #[test]
    fn compact_labels_fit_an_axis() {
        assert_eq!(format_compact(85_000.0, "USD"), "$85k");
        assert_eq!(format_compact(195_000.0, "USD"), "$195k");
        assert_eq!(format_compact(45_000.0, "EUR"), "45k €");
        assert_eq!(format_compact(6_000_000.0, "JPY"), "¥6M");
        assert_eq!(format_compact(1_500_000.0, "INR"), "₹1.5M");
        assert_eq!(format_compact(2_500.0, "GBP"), "£2.5k");
        assert_eq!(format_compact(0.0, "USD"), "$0");
    }

    #[test]
    fn compact_labels_stay_short_at_any_magnitude() {
        assert_eq!(format_compact(2_500_000_000.0, "USD"), "$2.5B");
        assert_eq!(format_compact(195_000_000_000_000.0, "USD"), "$195T");
        assert_eq!(format_compact(50_000_000_000_000.0, "USD"), "$50T");
        assert_eq!(format_compact(2.5e15, "USD"), "$2.5e15");
        assert_eq!(format_compact(3e21, "EUR"), "3e21 €");
        assert_eq!(format_compact(-1_200_000.0, "USD"), "$-1.2M");
        assert_eq!(format_compact(f64::NAN, "USD"), "$?");
        // IDR and VND run to hundreds of millions a year.
        assert_eq!(format_compact(350_000_000.0, "IDR"), "350M IDR");
        for v in [
            1.0, 999.0, 1e3, 9.99e5, 1e6, 1e9, 1e12, 9.99e14, 1e15, 1e300,
        ] {
            let label = format_compact(v, "USD");
            assert!(label.chars().count() <= 8, "{v} reads {label}");
        }
    }
}
