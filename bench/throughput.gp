# Throughput against document size: one line per implementation, from results.py plot-data
# (blocks in the order heymilo, dom, iterate, ondemand_walk). Run through plot.sh.
set terminal pngcairo size 960,600 font "DejaVu Sans,11"
set output out
set title "heymilo vs simdjson on the same buffers (single core)"
set logscale x 2
set format x "%.0s%cB"
set xlabel "document size"
set ylabel "throughput (MB/s)"
set yrange [0:*]
set grid
set key top left
stats data nooutput
plot for [i=0:STATS_blocks-1] data index i using 1:2 with linespoints \
     linewidth 2 pointtype 7 title columnheader(1)
