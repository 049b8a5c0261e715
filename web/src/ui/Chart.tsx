// Small ECharts wrapper (tree-shaken echarts/core, SVG renderer, aria descriptions on).

import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export function Chart({ option, height = 320, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    // ECharts writes its aria description onto the container's aria-label: make that our Dutch label, not its own
    // generated (English) text, so the chart keeps its name for screen readers.
    const own = (option as { aria?: Record<string, unknown> }).aria ?? {};
    chartRef.current?.setOption(
      { animation: false, ...option, aria: { enabled: true, ...own, label: { description: label } } },
      true,
    );
  }, [option, label]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} className="onderdak-chart" />;
}
