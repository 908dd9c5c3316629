# sys.argv: the script name as given, then the arguments (from sys_argv.args)
import sys

print(sys.argv)
print(len(sys.argv), sys.argv[0], type(sys.argv).__name__)
print(sys.argv[1:])
