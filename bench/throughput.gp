# Throughput against document size for the library and the baselines, from
# `results.py plot-data` (per implementation: a block of report_available sizes, drawn as a
# line, then a block of the other documents, drawn as points). Run through plot.sh.
set terminal pngcairo size 960,600 font "DejaVu Sans,11" noenhanced
set output out
set title "heymilo vs simdjson on the same padded buffers (one core, CPU time, median of runs)"
set logscale x 2
set xtics ("256 B" 256, "1 KiB" 1024, "4 KiB" 4096, "16 KiB" 16384, "64 KiB" 65536, \
           "256 KiB" 262144, "1 MiB" 1048576, "4 MiB" 4194304, "16 MiB" 16777216)
set xlabel "document size (lines: report_available at 12 KiB .. 16 MiB; points: the other documents)"
set ylabel "throughput (MB/s)"
set yrange [0:*]
set grid
set key top left
names = "heymilo dom ondemand_walk iterate"
plot for [i=1:4] data index 2*(i-1) using 1:2 with linespoints linewidth 2 pointtype 7 \
         linecolor i title word(names, i), \
     for [i=1:4] data index 2*i-1 using 1:2 with points pointtype 5 pointsize 1.2 \
         linecolor i notitle
