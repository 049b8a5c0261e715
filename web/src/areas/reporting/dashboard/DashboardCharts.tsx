// Chart types the dashboard needs on top of the shared Chart wrapper (lines, a region map). Loaded lazily with the
// dashboard; echarts.use is global, so the shared <Chart> can render them.

import { LineChart, MapChart } from 'echarts/charts';
import { GeoComponent, LegendComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

export { Chart } from '../../../ui/Chart';

echarts.use([LineChart, MapChart, GeoComponent, LegendComponent, VisualMapComponent]);

const loaded = new Map<string, Promise<boolean>>();
/** Loads web/public/geo/<regio>.geojson (approximate outlines) and registers it as map `<regio>`; false when absent. */
export function loadRegionMap(regio: string): Promise<boolean> {
  if (!loaded.has(regio)) {
    loaded.set(
      regio,
      fetch(`/geo/${encodeURIComponent(regio)}.geojson`)
        .then(async (r) => {
          if (!r.ok) return false;
          echarts.registerMap(regio, await r.json());
          return true;
        })
        .catch(() => false),
    );
  }
  return loaded.get(regio)!;
}
