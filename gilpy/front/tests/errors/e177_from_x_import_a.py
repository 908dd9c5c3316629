from x import (a,)
