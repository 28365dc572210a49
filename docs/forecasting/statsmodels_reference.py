"""Reference figures for docs/forecasting.md: statsmodels on the same last-season hold-outs.

Reference only (not run by CI). Needs Debian's python3-statsmodels and python3-pandas:

    apt-get install -y python3-statsmodels python3-pandas
    /usr/bin/python3 docs/forecasting/statsmodels_reference.py /work/shared/datasets [NAME-PART]

For every series the last year is held out (12 months, or 365 days), each model is fitted on the
history before it and forecasts the hold-out. Printed per model: MAPE (percent), peak error
(forecast peak minus actual peak, percent of the actual), and the seasonal-naive baseline MAPE
computed the same way slo does (lag 12 months, or 364 days so weekdays line up).
"""
import sys
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.holtwinters import ExponentialSmoothing
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.filterwarnings("ignore")

CASES = [
    ("kobe in-migrants", "kobe-monthly-migration/kobe_monthly_population_change.csv", "month", "in_migrants", "M"),
    ("kobe out-migrants", "kobe-monthly-migration/kobe_monthly_population_change.csv", "month", "out_migrants", "M"),
    ("retail sales", "prophet-retail-sales/example_retail_sales.csv", "ds", "y", "M"),
    ("air passengers", "prophet-air-passengers/example_air_passengers.csv", "ds", "y", "M"),
    ("pedestrians", "prophet-pedestrians/example_pedestrians.csv", "ds", "y", "D"),
    ("pedestrians to 2020-02", "prophet-pedestrians/example_pedestrians.csv", "ds", "y", "D", "2020-02-29"),
    ("website page loads", "website-visitors-daily/daily-website-visitors.csv", "Date", "Page.Loads", "D"),
    ("germany electricity", "opsd-germany-daily/opsd_germany_daily.csv", "Date", "Consumption", "D"),
    ("peyton manning views", "prophet-peyton-manning/example_wp_peyton_manning.csv", "ds", "y", "D"),
]


def load(root, path, date, value, freq):
    with open(f"{root}/{path}", newline="") as fh:
        text = fh.read().replace("\r\n", "\n").replace("\r", "\n")
    from io import StringIO

    df = pd.read_csv(StringIO(text))
    d = pd.to_datetime(df[date], format="%m/%d/%Y" if "/" in str(df[date].iloc[0]) else None)
    s = pd.Series(df[value].astype(float).values, index=d).sort_index()
    if freq == "M":
        s.index = s.index.to_period("M").to_timestamp()
        return s.asfreq("MS")
    return s.asfreq("D")


def scores(actual, fc):
    a = actual.values
    f = np.asarray(fc, dtype=float)
    ok = ~np.isnan(a) & ~np.isnan(f) & (a > 0)
    mape = 100 * np.mean(np.abs(f[ok] - a[ok]) / a[ok])
    peak = np.nanmax(a)
    return mape, 100 * (np.nanmax(f[ok]) - peak) / peak


def fourier(index, k):
    doy = index.dayofyear.values - 0.5
    length = np.where(index.is_leap_year, 366, 365)
    cols = {}
    for j in range(1, k + 1):
        cols[f"s{j}"] = np.sin(2 * np.pi * j * doy / length)
        cols[f"c{j}"] = np.cos(2 * np.pi * j * doy / length)
    return pd.DataFrame(cols, index=index)


def main(root, only=None):
    for case in CASES:
        name, path, date, value, freq = case[:5]
        if only and only not in name:
            continue
        s = load(root, path, date, value, freq)
        if len(case) > 5:
            s = s[: case[5]]
        h = 12 if freq == "M" else 365
        train, test = s.iloc[:-h], s.iloc[-h:]
        lag = 12 if freq == "M" else 364
        naive = []
        for k in range(h):
            back = len(train) + k - lag
            while back >= len(train):
                back -= lag
            v = train.iloc[back]
            while np.isnan(v) and back - lag >= 0:  # a gap a year back: two years back, as slo does
                back -= lag
                v = train.iloc[back]
            naive.append(v)
        results = {"seasonal naive": scores(test, naive)}
        filled = train.interpolate()
        logt = np.log(filled)
        if freq == "M":
            for label, kw in [
                ("HW add-damped x mul", dict(trend="add", damped_trend=True, seasonal="mul")),
                ("HW add x mul", dict(trend="add", seasonal="mul")),
            ]:
                try:
                    fit = ExponentialSmoothing(filled, seasonal_periods=12, **kw).fit()
                    results[label] = scores(test, fit.forecast(h))
                except Exception as e:  # noqa: BLE001
                    results[label] = (float("nan"), float("nan"))
            fit = ExponentialSmoothing(logt, trend="add", damped_trend=True, seasonal="add", seasonal_periods=12).fit()
            results["HW damped on log"] = scores(test, np.exp(fit.forecast(h)))
            fit = SARIMAX(logt, order=(0, 1, 1), seasonal_order=(0, 1, 1, 12)).fit(disp=False)
            results["SARIMA(0,1,1)(0,1,1)12 log"] = scores(test, np.exp(fit.forecast(h)))
        else:
            fit = ExponentialSmoothing(logt, trend="add", damped_trend=True, seasonal="add", seasonal_periods=7).fit()
            results["HW weekly, log"] = scores(test, np.exp(fit.forecast(h)))
            fit = ExponentialSmoothing(logt, trend="add", damped_trend=True, seasonal="add", seasonal_periods=364).fit()
            results["HW 364-day, log"] = scores(test, np.exp(fit.forecast(h)))
            ex = fourier(train.index, 10)
            ex_f = fourier(test.index, 10)
            fit = SARIMAX(logt, exog=ex, order=(1, 1, 1), seasonal_order=(1, 0, 1, 7)).fit(disp=False, maxiter=200)
            results["SARIMAX(1,1,1)(1,0,1)7+fourier10 log"] = scores(test, np.exp(fit.forecast(h, exog=ex_f)))
        for label, (mape, peak) in results.items():
            print(f"{name:24s} {label:38s} MAPE {mape:7.2f}%  peak error {peak:7.1f}%", flush=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets", sys.argv[2] if len(sys.argv) > 2 else None)
