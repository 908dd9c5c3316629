# sys.exit with a non-int, non-None object: its str is printed, status 1
import sys

sys.exit(['list', 'code'])
