/**
 * @file calendar.h
 * @brief Proleptic Gregorian calendar arithmetic shared by the timex sources
 *        (internal to server/timex; not part of the module's contract).
 *
 * Day numbers count days from 1970-01-01 (day 0), negative before it.
 */
#pragma once

/** 1 when @p y is a Gregorian leap year. */
int
tmxc_leap(int y);

/** Days in month @p m (1..12) of year @p y; 0 when @p m is out of range. */
int
tmxc_month_days(int y, int m);

/** 1 when y-m-d is a real date with 1 <= y <= 9999. */
int
tmxc_valid(int y, int m, int d);

/** The day number of a valid date. */
long
tmxc_days(int y, int m, int d);

/** The date of day number @p z. */
void
tmxc_civil(long z, int *y, int *m, int *d);

/** Weekday of day number @p z: 1 = Monday … 7 = Sunday. */
int
tmxc_weekday(long z);

/* end of calendar.h */
