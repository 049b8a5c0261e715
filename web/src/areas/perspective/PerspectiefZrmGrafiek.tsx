// ZRM progress per domain over time: one line per domain (loaded lazily with ECharts).

import { LineChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { Chart } from '../../ui/Chart';
import { datumKort } from '../../ui/format';
import type { Optie, ZrmMeting } from './perspectiefApi';

echarts.use([LineChart, LegendComponent]);

export function ZrmGrafiek({ metingen, domeinen }: { metingen: ZrmMeting[]; domeinen: Optie[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: metingen.map((m) => datumKort(m.datum)), axisLabel: { color: '#1a1a1a' } },
      yAxis: { type: 'value', min: 1, max: 5, interval: 1, name: 'Score' },
      series: domeinen.map((d) => ({
        type: 'line',
        name: d.label,
        data: metingen.map((m) => m.scores.find((s) => s.domein === d.code)?.score ?? null),
        connectNulls: true,
      })),
      aria: { enabled: true, decal: { show: true } },
    }),
    [metingen, domeinen],
  );
  return (
    <Chart
      option={option}
      height={340}
      label={`Verloop van de ZRM-scores per levensgebied over ${metingen.length} metingen; de tabel hieronder geeft dezelfde cijfers.`}
    />
  );
}
