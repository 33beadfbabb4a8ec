//! 成文日期: a calendar date, stored and exchanged as ISO `YYYY-MM-DD`, shown in the official
//! form with Arabic numerals and no leading zeros (`2024年1月5日`).

use crate::text::FoundDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date (成文日期); serialised as `"2024-01-05"` and shown as `2024年1月5日`
/// (GB/T 9704-2012 §7.3.5.4). [`Date::new`], parsing and deserialising refuse a date that does
/// not exist; the fields are public, so a value built by hand is not checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
// Serialised as its ISO string (below), so that is its TypeScript type too; not `Date`, which
// would hide JavaScript's own.
#[ts(type = "string", rename = "IsoDate")]
pub struct Date {
    /// Year of the Gregorian calendar, 1–9999.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// A valid date of the years 1–9999 of the Gregorian calendar, or `None` (30 February,
    /// month 13 …).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let y = i16::try_from(year).ok().filter(|y| *y >= 1)?;
        jiff::civil::Date::new(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?;
        Some(Date { year, month, day })
    }

    /// The date a [`FoundDate`] spells, or `None` when it names no real day
    /// (`2023年2月30日`).
    pub fn found(d: &FoundDate) -> Option<Date> {
        Date::new(
            d.year,
            u8::try_from(d.month).ok()?,
            u8::try_from(d.day).ok()?,
        )
    }

    /// `2024年1月5日`.
    pub fn to_chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("日期“{s}”无效，应写作 YYYY-MM-DD，例如 2024-01-05");
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(bad());
        };
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        let d: u8 = d.parse().map_err(|_| bad())?;
        Date::new(y, m, d).ok_or_else(bad)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_format_and_chinese_form() {
        let d: Date = "2024-01-05".parse().unwrap();
        assert_eq!(d.to_string(), "2024-01-05");
        assert_eq!(d.to_chinese(), "2024年1月5日");
        assert_eq!(
            Date::new(2017, 12, 15).unwrap().to_chinese(),
            "2017年12月15日"
        );
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2024-13-01".parse::<Date>().is_err());
        assert!("2024-1".parse::<Date>().is_err());
        assert!("昨天".parse::<Date>().unwrap_err().contains("YYYY-MM-DD"));
        assert!(serde_json::from_str::<Date>("\"1900-02-29\"").is_err());
        assert!(Date::new(2000, 2, 29).is_some() && Date::new(2100, 2, 29).is_none());
        assert!(Date::new(0, 1, 1).is_none() && Date::new(10_000, 1, 1).is_none());
        assert!(Date::new(2024, 4, 31).is_none() && Date::new(2024, 0, 1).is_none());
    }
}
