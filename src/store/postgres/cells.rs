//! PostgreSQL's values as claimdb's cells, as SQLite's become cells: integers and booleans as
//! integers, whole reals as integers, text borrowed from the row. Types claimdb never stores but a
//! user's own SQL may return (dates, timestamps, JSON, UUIDs, bytes) are written as text (times
//! in ISO 8601, UTC where they have a zone); the rest (arrays, ranges, geometry…) show as their type's name in angle brackets.

use postgres::types::{FromSql, Type};
use postgres::Row;

use crate::error::Error;
use crate::rows::Cell;

/// One value as a cell, as SQLite's values become cells: integers and booleans as integers,
/// whole reals as integers, text borrowed from the row. A type claimdb never stores shows as its
/// name in angle brackets.
pub(super) fn cell(row: &Row, i: usize) -> Result<Cell<'_>, Error> {
    let t = row.columns()[i].type_();
    let bad = |e: Box<dyn std::error::Error + Sync + Send>| Error::msg(format!("cannot read column {i}: {e}"));
    Ok(match *t {
        Type::BOOL => {
            row.try_get::<_, Option<bool>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |b| Cell::Int(b.into()))
        }
        Type::INT2 => {
            row.try_get::<_, Option<i16>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |n| Cell::Int(n.into()))
        }
        Type::INT4 => {
            row.try_get::<_, Option<i32>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |n| Cell::Int(n.into()))
        }
        Type::INT8 => row.try_get::<_, Option<i64>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, Cell::Int),
        Type::FLOAT4 => {
            row.try_get::<_, Option<f32>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |x| Cell::number(x.into()))
        }
        Type::FLOAT8 => row.try_get::<_, Option<f64>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, Cell::number),
        Type::NUMERIC => {
            row.try_get::<_, Option<Numeric>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |n| Cell::number(n.0))
        }
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
            row.try_get::<_, Option<&str>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |s| Cell::Text(s.into()))
        }
        ref other => match row.try_get::<_, Option<Raw>>(i).map_err(|e| bad(e.into()))? {
            None => Cell::Null,
            Some(Raw(bytes)) => {
                Cell::Text(as_text(other, bytes).unwrap_or_else(|| format!("<{}>", other.name())).into())
            }
        },
    })
}

/// A value of another type as text, from its binary form (what the client receives); `None`
/// for a type not read here, or bytes that are not that type's.
fn as_text(t: &Type, b: &[u8]) -> Option<String> {
    let int4 = || Some(i64::from(i32::from_be_bytes(b.get(..4)?.try_into().ok()?)));
    let int8 = || Some(i64::from_be_bytes(b.get(..8)?.try_into().ok()?));
    // ±infinity are the type's largest and smallest values.
    let infinite = |n: i64, max: i64| match n {
        _ if n == max => Some("infinity".to_string()),
        _ if n == -max - 1 => Some("-infinity".to_string()),
        _ => None,
    };
    // Dates count days, and timestamps microseconds, from 2000-01-01.
    let epoch = jiff::civil::date(2000, 1, 1);
    match *t {
        Type::DATE => {
            let days = int4()?;
            infinite(days, i32::MAX.into())
                .or_else(|| Some(epoch.checked_add(jiff::Span::new().try_days(days).ok()?).ok()?.to_string()))
        }
        Type::TIMESTAMP | Type::TIMESTAMPTZ => {
            let micros = int8()?;
            if let Some(text) = infinite(micros, i64::MAX) {
                return Some(text);
            }
            let span = jiff::Span::new().try_microseconds(micros).ok()?;
            if *t == Type::TIMESTAMP {
                let at = epoch.to_datetime(jiff::civil::Time::midnight());
                Some(at.checked_add(span).ok()?.to_string())
            } else {
                let at = jiff::Timestamp::from_second(946_684_800).ok()?;
                Some(at.checked_add(span).ok()?.to_string())
            }
        }
        Type::JSON | Type::XML => String::from_utf8(b.to_vec()).ok(),
        // jsonb's binary form is a version byte, then the text.
        Type::JSONB => String::from_utf8(b.get(1..)?.to_vec()).ok(),
        Type::UUID if b.len() == 16 => {
            let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
            Some(format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..]))
        }
        Type::BYTEA => Some(format!("\\x{}", b.iter().map(|x| format!("{x:02x}")).collect::<String>())),
        Type::CHAR if b.len() == 1 => Some(char::from(b[0]).to_string()),
        Type::OID => Some(u32::from_be_bytes(b.try_into().ok()?).to_string()),
        _ => None,
    }
}

/// A NUMERIC as a float: PostgreSQL's sums and averages of integers are NUMERIC.
struct Numeric(f64);

impl<'a> FromSql<'a> for Numeric {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Numeric, Box<dyn std::error::Error + Sync + Send>> {
        // ndigits, weight, sign, dscale, then ndigits base-10000 digits, all big-endian i16.
        let word = |i: usize| -> Result<i16, Box<dyn std::error::Error + Sync + Send>> {
            let b = raw.get(2 * i..2 * i + 2).ok_or("a NUMERIC shorter than its header says")?;
            Ok(i16::from_be_bytes([b[0], b[1]]))
        };
        let (ndigits, weight, sign) = (word(0)?, word(1)?, word(2)? as u16);
        if sign == 0xC000 {
            return Ok(Numeric(f64::NAN));
        }
        let mut v = 0.0;
        for d in 0..ndigits.max(0) as usize {
            v += f64::from(word(4 + d)?) * 10_000f64.powi(i32::from(weight) - d as i32);
        }
        Ok(Numeric(if sign == 0x4000 { -v } else { v }))
    }

    fn accepts(t: &Type) -> bool {
        *t == Type::NUMERIC
    }
}

/// Any value, as the bytes the server sent.
struct Raw<'a>(&'a [u8]);

impl<'a> FromSql<'a> for Raw<'a> {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Raw<'a>, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Raw(raw))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}
