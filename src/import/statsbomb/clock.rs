//! StatsBomb's clock to the native one.
//!
//! StatsBomb's `minute` counts elapsed minutes and runs on across periods
//! (period 2 starts at 45, period 3 at 90, period 4 at 105). Readers count
//! the minute being played, so minute 18 is the 19th minute, "19'". Added
//! time is counted from the period: in period 1, minute 45 or later is
//! "45+N'" with N = minute - 45 + 1; likewise 90 in period 2, 105 in
//! period 3 and 120 in period 4. The shoot-out (period 5) has no minute.

/// The native `(minute, added)` for a StatsBomb `period` and `minute`;
/// `(None, 0)` in the shoot-out.
pub fn native(period: u8, minute: u16) -> (Option<u16>, u8) {
    let (start, end) = match period {
        1 => (0, 45),
        2 => (45, 90),
        3 => (90, 105),
        4 => (105, 120),
        _ => return (None, 0),
    };
    // A stray early stamp (before the period's start) is put at its first minute.
    let minute = minute.max(start);
    if minute >= end {
        let added = (minute - end + 1).min(u8::MAX as u16) as u8;
        (Some(end), added)
    } else {
        (Some(minute + 1), 0)
    }
}

/// Elapsed match time in minutes, for minutes played.
pub fn elapsed(minute: u16, second: u16) -> f32 {
    minute as f32 + second as f32 / 60.0
}

#[cfg(test)]
mod tests {
    use super::native;

    #[test]
    fn normal_and_added_time() {
        assert_eq!(native(1, 0), (Some(1), 0));
        assert_eq!(native(1, 18), (Some(19), 0));
        assert_eq!(native(1, 44), (Some(45), 0));
        assert_eq!(native(1, 45), (Some(45), 1));
        assert_eq!(native(1, 47), (Some(45), 3));
        assert_eq!(native(2, 45), (Some(46), 0));
        assert_eq!(native(2, 89), (Some(90), 0));
        assert_eq!(native(2, 92), (Some(90), 3));
        assert_eq!(native(3, 95), (Some(96), 0));
        assert_eq!(native(4, 121), (Some(120), 2));
        assert_eq!(native(5, 125), (None, 0));
    }
}
