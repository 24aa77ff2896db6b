//! PostgreSQL's values as claimdb's cells, as SQLite's become cells: integers and booleans as
//! integers, whole reals as integers, text borrowed from the row. A type claimdb never stores
//! (a date, JSON, an array, in the user's own SQL) shows as its name in angle brackets.

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
            Some(_) => Cell::Text(format!("<{}>", other.name()).into()),
        },
    })
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

/// Any value, unread: enough to tell NULL from not.
struct Raw;

impl<'a> FromSql<'a> for Raw {
    fn from_sql(_: &Type, _: &'a [u8]) -> Result<Raw, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Raw)
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}
