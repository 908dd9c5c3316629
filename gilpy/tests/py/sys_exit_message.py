# sys.exit("text") prints the text to stderr and exits with status 1
import sys

print('about to exit with a message')
sys.exit('fatal: something went wrong')
