import { useEffect, useRef, type CSSProperties } from 'react';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use as registerChartParts, type ComposeOption, type ECElementEvent, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

registerChartParts([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** The chart options this client uses: bar charts with a grid, a legend and tooltips. */
export type TChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

interface TEChartProps {
  option: TChartOption;
  height: number;
  /** Called with the clicked bar's series and data index. */
  onItemClick?: (event: ECElementEvent) => void;
  testId?: string;
  style?: CSSProperties;
}

/** An ECharts instance bound to a div: made on mount, given each new option, resized with its container, disposed on unmount. */
export function EChart({ option, height, onItemClick, testId, style }: TEChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !onItemClick) return;
    chart.on('click', onItemClick);
    return () => {
      chart.off('click', onItemClick);
    };
  }, [onItemClick]);

  return <div ref={containerRef} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
